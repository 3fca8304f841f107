-- wrk script: durable public PHQ-9 self-assessments (validate, score, rules, alert, audit in one
-- transaction). About one in nine answers item 9 positively, so red alerts are raised too.
-- Env: XINAN_UNIT_CODE (12-digit unit code of the link).
local path = "/api/v1/public/units/" .. (os.getenv("XINAN_UNIT_CODE") or "330499002001") .. "/assessments"
local n = 0
function request()
  n = n + 1
  local parts = {}
  for i = 1, 8 do parts[#parts + 1] = string.format('"%d":%d', i, (n + i) % 4) end
  parts[#parts + 1] = string.format('"9":%d', (n % 9 == 0) and 1 or 0)
  local body = '{"scaleCode":"phq9","consent":true,"answers":{' .. table.concat(parts, ",") .. '}}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end
