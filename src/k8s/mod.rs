//! Kubernetes workloads: parsing, securityContext merging, findings. (being written)
