"""The two small machines the page lets a visitor work by hand: the perceptron at the beach
and the MNIST machine, as plain Python, knowing nothing of the page."""
