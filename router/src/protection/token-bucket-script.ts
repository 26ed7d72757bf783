// Atomic token bucket in Redis: one hash per caller and budget, {tokens, ts}. Refills
// continuously at capacity/window, so a caller over its rate is served again as soon as one
// token has come back (Retry-After says when). The key expires once the bucket would be full.
// KEYS[1] bucket · ARGV: capacity, window ms, now ms (the router's clock; instances are NTP-synced).
// Returns {allowed 0|1, retry after ms, tokens left (floored)}.
export const tokenBucketScript = `
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local rate = capacity / window
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate)
  ts = now
end
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil(window + 1000))
return {allowed, retry, math.floor(tokens)}
`;
