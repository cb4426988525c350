//! The calendar export (RFC 5545): being written.
