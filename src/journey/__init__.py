"""Journey: case recording and learning for children's social care in England."""
