"""The front door's pages, one module for each part: the journey anyone can take, what the person sees of
their record, and the Hub's side."""
