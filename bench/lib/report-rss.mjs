// Loaded with --import when GNU time is missing: a Node child reports its own peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb: ${process.resourceUsage().maxRSS}\n`);
});
