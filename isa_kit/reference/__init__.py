"""Reference knowledge and policy, as data with sources and dates.

The knowledge base says what the law and guidance are (superseded Acts, retired email
domains, defunct bodies); the policy says what a partnership decided (its secure domains,
review window, severities). Checks and audit read both; neither is code.
"""
