-- wrk script: authenticated resident list reads (one page of 20, masked identifiers).
-- Env: XINAN_TOKEN (bearer), XINAN_PATH (default /api/v1/people?pageSize=20).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("XINAN_TOKEN") or "")
wrk.path = os.getenv("XINAN_PATH") or "/api/v1/people?pageSize=20"
