// Parses a Prometheus exposition read from standard input with prom2javascript (which groups a histogram's
// _bucket/_sum/_count lines per label set and refuses one whose +Inf bucket is not its count) and prints it as JSON:
//   { "<family>": { "type": "counter", "help": "...", "data": [ { "labels": {...}, "value": 1 }
//                                                             | { "labels": {...}, "buckets": {"le": n}, "sum": n, "count": n } ] } }
//   node parse.js < metrics.txt
const { getMetricsFromStream } = require('prom2javascript');

getMetricsFromStream(process.stdin).then(
  (metrics) => process.stdout.write(JSON.stringify(metrics)),
  (error) => {
    console.error(error.message);
    process.exit(1);
  });
