"""The domain core: policy, cases, audit, clocks and views. Knows nothing of chat or HTTP."""
