"""Digits as images: MNIST read from its files, a drawing prepared the MNIST way, and the
changes and synthetic pen strokes that make handwriting vary."""
