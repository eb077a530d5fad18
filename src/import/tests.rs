//! Tests of the import rules, one group per rule.
