// Stand-in for the "server-only" marker package when lib/ runs outside Next (tests, scripts).
export {};
