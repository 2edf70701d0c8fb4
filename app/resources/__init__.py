"""Files bundled with the app (the sample article), read through importlib.resources."""
