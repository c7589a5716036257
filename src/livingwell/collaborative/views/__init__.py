"""Co-production bodies' pages, one module for each part: public pages, members' own, running a body, a
meeting on its day, minutes, claims and payments, rotas."""
