-- wrk script: durable person creates with unique, valid (GB 11643) fictional ID numbers.
-- Env: XINAN_TOKEN (bearer), XINAN_UNIT (unit id), XINAN_RUN (runs that differ mod 8 never
-- repeat a number).
-- wrk runs on the same two cores as the server, so each request is built cheaply: the request
-- line and headers once in init(), per request only the body (wrk.format per request cost ~8 µs
-- of wrk's CPU per create; bench/README.md, eighth round).
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = {"1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"}
local counter = 0
thread_no = 0  -- global: set per thread by setup() via thread:set
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

local function id_number(n)
  -- 330498 + birth date in 1940-2009 from n + 3-digit sequence: 23.5M distinct numbers. The demo
  -- district's residents are 330499…, so no create collides with one of them (409).
  local day = n % 28 + 1
  local month = math.floor(n / 28) % 12 + 1
  local year = 1940 + math.floor(n / 336) % 70
  local seq = math.floor(n / 23520) % 1000
  local first17 = string.format("330498%04d%02d%02d%03d", year, month, day, seq)
  local sum = 0
  for i = 1, 17 do sum = sum + (first17:byte(i) - 48) * weights[i] end
  return first17 .. checks[sum % 11 + 1], year, month, day, seq
end

-- Read once per thread; no response() callback, which would make wrk hand every response to
-- Lua (wrk counts non-2xx answers itself).
local run = tonumber(os.getenv("XINAN_RUN") or "0")
local unit = os.getenv("XINAN_UNIT")
local head  -- request line and headers up to "Content-Length: "

function init(args)
  head = "POST /api/v1/people HTTP/1.1\r\nHost: " .. wrk.headers["Host"] ..
         "\r\nAuthorization: Bearer " .. (os.getenv("XINAN_TOKEN") or "") ..
         "\r\nContent-Type: application/json\r\nContent-Length: "
end

function request()
  counter = counter + 1
  -- Threads and runs own disjoint parts of the sequence space (up to 8 runs of 2.9M creates
  -- for two wrk threads).
  local n = (counter * 2 + thread_no) * 8 + (run % 8)
  local id, y, m, d, seq = id_number(n)
  local gender = (seq % 2 == 1) and "male" or "female"
  local body = string.format(
    '{"name":"压测%d","gender":"%s","birthDate":"%04d-%02d-%02d","idNumber":"%s","unitId":"%s"}',
    counter, gender, y, m, d, id, unit)
  return head .. #body .. "\r\n\r\n" .. body
end
