// Stands in for the `server-only` package in tests and the CLI.
export {};
