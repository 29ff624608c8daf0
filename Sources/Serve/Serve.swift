// The `whoswho serve` module: a preview server with live reload (see issue 5).
