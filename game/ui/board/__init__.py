"""The play screen: BoardScene, its layouts (org chart and network), drawing, panels, hit-testing and animation."""
