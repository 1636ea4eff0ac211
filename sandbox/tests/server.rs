//! Objects and attributes endpoints, auth, rate limits, fault injection, request counting, the binary.

mod common;

use std::time::{Duration, Instant};

use attio_sandbox::{Fault, Sandbox};
use common::{Env, client};
use serde_json::json;

#[tokio::test]
async fn objects_attributes_options_statuses() {
    let env = Env::new().await;
    let objects = env.ok("GET", "/v2/objects", None).await;
    let slugs: Vec<_> = objects
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["api_slug"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        slugs,
        ["people", "companies", "deals", "users", "workspaces"]
    );
    let people_id = objects[0]["id"]["object_id"].as_str().unwrap().to_owned();
    let by_id = env
        .ok("GET", &format!("/v2/objects/{people_id}"), None)
        .await;
    assert_eq!(by_id["api_slug"], "people");
    let (s, b) = env.call("GET", "/v2/objects/nope", None).await;
    assert_eq!((s, b["code"].as_str()), (404, Some("not_found")));

    let created = env
        .ok("POST", "/v2/objects", Some(json!({"data": {"api_slug": "projects", "singular_noun": "Project", "plural_noun": "Projects"}})))
        .await;
    assert_eq!(created["api_slug"], "projects");
    let (s, b) = env
        .call("POST", "/v2/objects", Some(json!({"data": {"api_slug": "projects", "singular_noun": "P", "plural_noun": "Ps"}})))
        .await;
    assert_eq!((s, b["code"].as_str()), (409, Some("slug_conflict")));

    env.custom_attr(
        "projects",
        "priority",
        "select",
        json!({"is_multiselect": true}),
    )
    .await;
    env.custom_attr(
        "projects",
        "code",
        "text",
        json!({"is_unique": true, "is_required": true}),
    )
    .await;
    let attr = env
        .ok("GET", "/v2/objects/projects/attributes/priority", None)
        .await;
    assert_eq!(
        (attr["type"].as_str(), attr["is_multiselect"].as_bool()),
        (Some("select"), Some(true))
    );
    let opt = env
        .ok(
            "POST",
            "/v2/objects/projects/attributes/priority/options",
            Some(json!({"data": {"title": "High"}})),
        )
        .await;
    assert_eq!(opt["title"], "High");
    let (s, _) = env
        .call(
            "POST",
            "/v2/objects/projects/attributes/priority/options",
            Some(json!({"data": {"title": "High"}})),
        )
        .await;
    assert_eq!(s, 409);
    let (s, b) = env
        .call(
            "POST",
            "/v2/objects/projects/attributes/code/options",
            Some(json!({"data": {"title": "X"}})),
        )
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("validation_type")));
    let options = env
        .ok(
            "GET",
            "/v2/objects/projects/attributes/priority/options",
            None,
        )
        .await;
    assert_eq!(options.as_array().unwrap().len(), 1);

    let (s, b) = env
        .create_err("projects", json!({"priority": ["High"]}))
        .await;
    assert_eq!((s, b["code"].as_str()), (400, Some("missing_value")));
    let r = env
        .create(
            "projects",
            json!({"code": "P1", "priority": [{"option": opt["id"]["option_id"].clone()}]}),
        )
        .await;
    assert_eq!(r["values"]["priority"][0]["option"]["title"], "High");

    let statuses = env
        .ok("GET", "/v2/objects/deals/attributes/stage/statuses", None)
        .await;
    let titles: Vec<_> = statuses
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(titles, ["Lead", "In Progress", "Won 🎉", "Lost"]);
    let st = env
        .ok(
            "POST",
            "/v2/objects/deals/attributes/stage/statuses",
            Some(json!({"data": {"title": "Paused", "target_time_in_status": "P1M"}})),
        )
        .await;
    assert_eq!(st["target_time_in_status"], "P1M");
    env.create(
        "deals",
        json!({"name": "D", "stage": "Paused", "owner": "alice@attio.com"}),
    )
    .await;
    let (s, _) = env
        .call("GET", "/v2/objects/deals/attributes/nope", None)
        .await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn authentication() {
    let env = Env::new().await;
    let url = format!("{}/v2/objects", env.sb.base_url());
    for auth in [None, Some("Bearer wrong")] {
        let mut req = env.http.get(&url);
        if let Some(a) = auth {
            req = req.header("Authorization", a);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 401);
        let b: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(
            (
                b["status_code"].as_u64(),
                b["type"].as_str(),
                b["code"].as_str()
            ),
            (Some(401), Some("auth_error"), Some("unauthorized"))
        );
    }
    let custom = Sandbox::builder().api_key("k-123").start().await.unwrap();
    assert_eq!(custom.api_key(), "k-123");
    let resp = env
        .http
        .get(format!("{}/v2/objects", custom.base_url()))
        .bearer_auth("k-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    custom.shutdown().await;
}

#[tokio::test]
async fn rate_limits() {
    let env = Env::with(
        Sandbox::builder()
            .rate_limits(true)
            .reads_per_second(5)
            .writes_per_second(2)
            .start()
            .await
            .unwrap(),
    )
    .await;
    // Align to the start of a second so the window does not roll over mid-test.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    tokio::time::sleep(Duration::from_nanos(
        1_000_000_000 - u64::from(now.subsec_nanos()),
    ))
    .await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let resp = env
            .http
            .get(format!("{}/v2/objects", env.sb.base_url()))
            .bearer_auth(env.sb.api_key())
            .send()
            .await
            .unwrap();
        statuses.push(resp.status().as_u16());
        if resp.status() == 429 {
            let retry = resp.headers()["retry-after"].to_str().unwrap().to_owned();
            let at = httpdate::parse_http_date(&retry).expect("HTTP-date");
            assert!(at > std::time::SystemTime::now() - Duration::from_secs(1));
            let b: serde_json::Value = resp.json().await.unwrap();
            assert_eq!(
                b,
                json!({"status_code": 429, "type": "rate_limit_error", "code": "rate_limit_exceeded", "message": "Rate limit exceeded, please try again later"})
            );
        }
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429]);
    let (s1, _) = env.create_err("companies", json!({"name": "a"})).await;
    let (s2, _) = env.create_err("companies", json!({"name": "b"})).await;
    let (s3, _) = env.create_err("companies", json!({"name": "c"})).await;
    assert_eq!((s1, s2, s3), (200, 200, 429));
    env.sb.set_rate_limits(false);
    let (s, _) = env.create_err("companies", json!({"name": "d"})).await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn fault_injection_and_counts() {
    let env = Env::new().await;
    env.sb.inject_fault(Fault::Status(503), 2);
    assert_eq!(env.call("GET", "/v2/objects", None).await.0, 503);
    let (s, b) = env.call("GET", "/v2/objects", None).await;
    assert_eq!(s, 503);
    assert_eq!(b["status_code"], 503);
    assert_eq!(env.call("GET", "/v2/objects", None).await.0, 200);
    assert_eq!(env.sb.request_count("GET", "/v2/objects"), 3);

    env.sb.inject_fault(Fault::Status(429), 1);
    let resp = env
        .http
        .get(format!("{}/v2/objects", env.sb.base_url()))
        .bearer_auth(env.sb.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    assert!(httpdate::parse_http_date(resp.headers()["retry-after"].to_str().unwrap()).is_ok());

    env.sb
        .inject_fault(Fault::Delay(Duration::from_millis(300)), 1);
    let start = Instant::now();
    assert_eq!(env.call("GET", "/v2/objects", None).await.0, 200);
    assert!(start.elapsed() >= Duration::from_millis(300));

    env.sb.inject_fault(Fault::DropConnection, 1);
    let err = env
        .http
        .get(format!("{}/v2/objects", env.sb.base_url()))
        .bearer_auth(env.sb.api_key())
        .send()
        .await;
    assert!(
        err.is_err(),
        "a dropped connection is a client error: {err:?}"
    );
    assert_eq!(env.call("GET", "/v2/objects", None).await.0, 200);

    // Deterministic fractions.
    let run = |seed| {
        let env = &env;
        async move {
            env.sb.clear_faults();
            env.sb.inject_fault_fraction(Fault::Status(500), 0.5, seed);
            let mut out = Vec::new();
            for _ in 0..20 {
                out.push(env.call("GET", "/v2/objects/people", None).await.0);
            }
            env.sb.clear_faults();
            out
        }
    };
    let a = run(7).await;
    assert_eq!(a, run(7).await);
    assert!(a.contains(&500) && a.contains(&200));

    let recent = env.sb.recent_requests();
    assert_eq!(recent.last().unwrap().path, "/v2/objects/people");
    assert_eq!(env.sb.total_requests(), 47);
    env.sb.reset();
    assert_eq!(env.sb.total_requests(), 0);
}

#[tokio::test]
async fn reset_and_shutdown() {
    let env = Env::new().await;
    env.create("companies", json!({"name": "a"})).await;
    env.sb.reset();
    assert_eq!(
        env.ok(
            "POST",
            "/v2/objects/companies/records/query",
            Some(json!({}))
        )
        .await,
        json!([])
    );
    let url = env.sb.base_url();
    env.sb.shutdown().await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(
        client()
            .get(format!("{url}/v2/objects"))
            .send()
            .await
            .is_err()
    );
}

#[test]
fn binary_prints_its_url_and_serves() {
    use std::io::{BufRead, BufReader};
    let exe = env!("CARGO_BIN_EXE_attio-sandbox");
    let mut child = std::process::Command::new(exe)
        .args(["--listen", "127.0.0.1:0", "--api-key", "bin-key"])
        .args(["--workspace", "Acme:acme", "--workspace", "Globex:globex"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let slug = |key: &'static str| {
        let url = url.clone();
        rt.block_on(async move {
            let answer = client()
                .get(format!("{url}/v2/self"))
                .bearer_auth(key)
                .send()
                .await?;
            let me: serde_json::Value = answer.json().await?;
            Ok::<_, reqwest::Error>(me["workspace_slug"].clone())
        })
    };
    let slugs = (slug("bin-key"), slug("bin-key-globex"));
    child.kill().ok();
    child.wait().ok();
    assert_eq!(
        (slugs.0.unwrap(), slugs.1.unwrap()),
        (json!("acme"), json!("globex"))
    );
}

#[tokio::test]
async fn after_processing_faults_apply_the_write_and_lose_the_answer() {
    let env = Env::new().await;
    assert_eq!(companies(&env).await, 0);

    // A 502 after the write was applied: the client sees a proxy's plain-text failure...
    env.sb.inject_fault(Fault::StatusAfterApply(502), 1);
    let resp = env
        .http
        .post(format!(
            "{}/v2/objects/companies/records",
            env.sb.base_url()
        ))
        .bearer_auth(env.sb.api_key())
        .json(&json!({"data": {"values": {"name": "landed behind a 502"}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 502);
    assert_eq!(resp.text().await.unwrap(), "502 Bad Gateway\n");
    // ...but the company exists.
    assert_eq!(companies(&env).await, 1);

    // A dropped connection after the write was applied: no answer at all, and the write landed.
    env.sb.inject_fault(Fault::DropAfterApply, 1);
    let err = env
        .http
        .post(format!(
            "{}/v2/objects/companies/records",
            env.sb.base_url()
        ))
        .bearer_auth(env.sb.api_key())
        .json(&json!({"data": {"values": {"name": "landed, answer lost"}}}))
        .send()
        .await;
    assert!(err.is_err(), "the answer was lost: {err:?}");
    assert_eq!(companies(&env).await, 2);

    // A before-processing fault, for contrast: refused, nothing written.
    env.sb.inject_fault(Fault::Status(503), 1);
    let (s, _) = env
        .create_err("companies", json!({"name": "never written"}))
        .await;
    assert_eq!(s, 503);
    env.sb.inject_fault(Fault::DropConnection, 1);
    let err = env
        .http
        .post(format!(
            "{}/v2/objects/companies/records",
            env.sb.base_url()
        ))
        .bearer_auth(env.sb.api_key())
        .json(&json!({"data": {"values": {"name": "never written either"}}}))
        .send()
        .await;
    assert!(err.is_err());
    assert_eq!(companies(&env).await, 2);

    // Seeded fractions of after-processing faults are deterministic, like the others.
    let run = |seed| {
        let env = &env;
        async move {
            env.sb.clear_faults();
            env.sb
                .inject_fault_fraction(Fault::StatusAfterApply(503), 0.5, seed);
            let mut out = Vec::new();
            for _ in 0..20 {
                out.push(env.call("GET", "/v2/objects/people", None).await.0);
            }
            env.sb.clear_faults();
            out
        }
    };
    let a = run(11).await;
    assert_eq!(a, run(11).await);
    assert!(a.contains(&503) && a.contains(&200));
}

async fn companies(env: &Env) -> usize {
    env.ok(
        "POST",
        "/v2/objects/companies/records/query",
        Some(json!({})),
    )
    .await
    .as_array()
    .map_or(0, Vec::len)
}

#[tokio::test]
async fn score_limits_strike_list_queries_with_a_distant_retry_after() {
    let env = Env::new().await;
    env.sb
        .inject_fault(Fault::ScoreLimited(Duration::from_secs(4)), 1);
    // Not a list query: let by, the rule kept.
    assert_eq!(env.call("GET", "/v2/objects", None).await.0, 200);
    let sent = std::time::SystemTime::now();
    let resp = env
        .http
        .post(format!(
            "{}/v2/objects/companies/records/query",
            env.sb.base_url()
        ))
        .bearer_auth(env.sb.api_key())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    let at = httpdate::parse_http_date(resp.headers()["retry-after"].to_str().unwrap()).unwrap();
    let ahead = at.duration_since(sent).unwrap_or_default();
    assert!(
        ahead >= Duration::from_secs(3),
        "Retry-After is seconds away, not the next second: {ahead:?}"
    );
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["code"], "rate_limit_exceeded");
    assert_eq!(body["type"], "rate_limit_error");
    assert_eq!(body["debug"]["window_seconds"], 10);
    // Used up: the next query goes through.
    let (s, _) = env
        .call(
            "POST",
            "/v2/objects/companies/records/query",
            Some(json!({})),
        )
        .await;
    assert_eq!(s, 200);
}

/// The router: a known path with a method it does not serve answers 405 with Attio's error body
/// and an `Allow` header; an unknown path 404; `{target}` is only `objects` or `lists`; and of two
/// templates that match, the one with more literal segments wins.
#[tokio::test]
async fn routing_answers_wrong_methods_and_unknown_paths_in_attios_words() {
    let env = Env::new().await;
    let url = format!("{}/v2/notes/some-note", env.sb.base_url());
    let resp = env
        .http
        .put(url)
        .bearer_auth(env.sb.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 405);
    assert_eq!(resp.headers()["allow"], "GET, PATCH, DELETE");
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(
        body,
        json!({
            "status_code": 405,
            "type": "invalid_request_error",
            "code": "method_not_allowed",
            "message": "PUT is not allowed on /v2/notes/some-note; it accepts GET, PATCH, DELETE.",
        })
    );

    let err = env
        .expect_error("GET", "/v2/no_such_thing", None, 404, "not_found")
        .await;
    assert_eq!(err["message"], "No route for GET /v2/no_such_thing.");
    let err = env
        .expect_error("GET", "/v2/notez/n1", None, 404, "not_found")
        .await;
    assert_eq!(
        err["message"],
        "No route for GET /v2/notez/n1. The nearest route is /v2/notes/{note_id}."
    );
    // `{target}` matches `objects` and `lists` only.
    env.expect_error("GET", "/v2/notes/people/attributes", None, 404, "not_found")
        .await;
    let (status, _) = env.call("GET", "/v2/lists/people/attributes", None).await;
    assert_eq!(status, 404, "a list named people does not exist");
    // `…/records/query` is the query, not a record named "query".
    let found = env
        .ok("POST", "/v2/objects/people/records/query", Some(json!({})))
        .await;
    assert!(found.is_array());
}
