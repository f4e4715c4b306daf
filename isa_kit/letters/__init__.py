"""Outcome letters to referrers and families (a room reserved in the layout; nothing lives
here yet): batch letters from decisions, under the partnership's letter policy."""
