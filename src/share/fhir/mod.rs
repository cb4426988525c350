//! The FHIR R4 export: being written.
