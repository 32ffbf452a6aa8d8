"""Neural networks in numpy: layers with forward and backward passes, losses, optimisers,
models saved as weights/NAME/, and the loop that trains them."""
