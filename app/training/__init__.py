"""Learning the pledge model from the labelled articles in data/ (needs scikit-learn).

Nothing in the app imports this package: the app reads the trained weights from its
resources. scripts/train_pledge_model.py and scripts/eval_extraction.py use it.
"""
