-- wrk script: durable public PHQ-9 self-assessments (validate, score, rules, alert, audit in one
-- transaction). About one in nine answers item 9 positively, so red alerts are raised too.
-- Env: XINAN_UNIT_CODE (12-digit unit code of the link).
-- The answers repeat every 36 requests, so those 36 requests are built once in init(): wrk runs
-- on the same two cores as the server, and formatting each request in Lua cost it ~10 µs of CPU
-- per submission (bench/README.md, eighth round). The stream sent is the same as before.
local path = "/api/v1/public/units/" .. (os.getenv("XINAN_UNIT_CODE") or "330499002001") .. "/assessments"
local period = 36
local requests = {}
local n = 0

local function body(k)
  local parts = {}
  for i = 1, 8 do parts[#parts + 1] = string.format('"%d":%d', i, (k + i) % 4) end
  parts[#parts + 1] = string.format('"9":%d', (k % 9 == 0) and 1 or 0)
  return '{"scaleCode":"phq9","consent":true,"answers":{' .. table.concat(parts, ",") .. '}}'
end

function init(args)
  for k = 1, period do
    requests[k] = wrk.format("POST", path, {["Content-Type"] = "application/json"}, body(k))
  end
end

function request()
  n = n % period + 1
  return requests[n]
end
