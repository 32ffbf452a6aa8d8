"""Digits as images: MNIST read from its files (its bytes and the floats networks read), a drawing
prepared the MNIST way, and the changes and synthetic pen strokes that make handwriting vary."""
