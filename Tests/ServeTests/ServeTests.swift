// Tests for the preview server.
