"""Support's pages, one module for each part: guides and episodes, the plan, the person's own, onward
introductions, outcome measures, budgets and accommodation, routing an introduction."""
