"""The dataset: reading and writing dataset folders, the Dataset, its queries."""
