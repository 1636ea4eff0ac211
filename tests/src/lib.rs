//! Integration and UI tests for the attio workspace.
