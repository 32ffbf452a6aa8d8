"""Neural networks in numpy: layers with forward and backward passes, losses, optimisers,
models saved as weights/NAME/ and loaded back, the loop that trains them (a slice of time at a
time in the page), the small networks a visitor trains and fine-tuning."""
