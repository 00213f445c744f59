"""The reference customer's organisation (territories, 26 users) and its four landing-page forms."""
