"""Looking at a trained network: what each layer makes of a digit, which pixels matter,
how the answer changes when the digit does, and how good the network is on test digits."""
