'use strict';
// Shared by the interop scripts: settings come from the environment the C# test sets, results go to stdout as one JSON
// document, and any failure prints {"error": {...}} and exits 1 so the test shows what the SDK saw.

function settings() {
  const endpoint = process.env.ALIYUN_ENDPOINT; // http://127.0.0.1:PORT
  const accessKeyId = process.env.ALIYUN_ACCESS_KEY_ID;
  const accessKeySecret = process.env.ALIYUN_ACCESS_KEY_SECRET;
  if (!endpoint || !accessKeyId || !accessKeySecret) {
    throw new Error('set ALIYUN_ENDPOINT, ALIYUN_ACCESS_KEY_ID and ALIYUN_ACCESS_KEY_SECRET');
  }
  return { endpoint, host: new URL(endpoint).host, accessKeyId, accessKeySecret, regionId: 'cn-hangzhou' };
}

function describeError(err) {
  return {
    name: err.name,
    code: err.code || (err.data && err.data.Code),
    message: err.message,
    statusCode: err.statusCode || (err.data && err.data.statusCode),
  };
}

async function run(main) {
  try {
    const result = await main(settings());
    process.stdout.write(JSON.stringify(result) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ error: describeError(err) }) + '\n');
    process.exitCode = 1;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { run, describeError, sleep };
