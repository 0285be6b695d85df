// Library calls (render() reads process.env) run with the clip cache off unless a test opts in.
process.env.STORYREEL_CACHE = "off";
