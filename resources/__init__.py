"""Files bundled with the app (icon, .desktop entry, sample article, trained weights), shipped as
app.resources and read through importlib.resources."""
