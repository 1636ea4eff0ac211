//! Files on the company `cid`: folders, connections, an upload (multipart), get, list, the
//! download's 302, errors and delete.

use serde_json::{Value, json};

use crate::common::Env;
use crate::common::openapi::Checker;

/// Every files operation, each answer checked against its schema.
pub(crate) async fn files(env: &Env, c: &mut Checker, cid: &str) {
    let folder = c
        .call(
            env,
            "POST",
            "/v2/files",
            "/v2/files",
            Some(json!({"object": "companies", "record_id": cid, "file_type": "folder", "name": "Contracts"})),
        )
        .await;
    let folder_id = folder["data"]["id"]["file_id"].as_str().unwrap().to_owned();
    for (kind, drive) in [
        ("connected-file", json!("b!x")),
        ("connected-folder", Value::Null),
    ] {
        let provider = if drive.is_null() {
            "box"
        } else {
            "microsoft-onedrive"
        };
        c.call(
            env,
            "POST",
            "/v2/files",
            "/v2/files",
            Some(json!({"object": "companies", "record_id": cid, "file_type": kind,
                "storage_provider": provider, "external_provider_file_id": "ext-1", "microsoft_drive_id": drive})),
        )
        .await;
    }

    let form = reqwest::multipart::Form::new()
        .text("object", "companies")
        .text("record_id", cid.to_owned())
        .text("parent_folder_id", folder_id.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"hello".to_vec())
                .file_name("hello.txt")
                .mime_str("text/plain")
                .unwrap(),
        );
    let answer = env
        .http
        .post(format!("{}/v2/files/upload", env.sb.base_url()))
        .bearer_auth(env.sb.api_key())
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    let upload: Value = answer.json().await.unwrap();
    c.check("POST", "/v2/files/upload", status, &upload);
    assert_eq!(status, 201, "{upload}");
    let file_id = upload["data"]["id"]["file_id"].as_str().unwrap().to_owned();

    c.call(
        env,
        "GET",
        &format!("/v2/files/{file_id}"),
        "/v2/files/{file_id}",
        None,
    )
    .await;
    let page = c
        .call(
            env,
            "GET",
            &format!("/v2/files?object=companies&record_id={cid}&limit=2"),
            "/v2/files",
            None,
        )
        .await;
    assert!(page["pagination"]["next_cursor"].is_string(), "{page}");
    c.call(env, "GET", "/v2/files/missing", "/v2/files/{file_id}", None)
        .await;

    // The download: a 302 with a Location, as the document says, and no body to validate.
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = no_redirects
        .get(format!("{}/v2/files/{file_id}/download", env.sb.base_url()))
        .bearer_auth(env.sb.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 302);
    let documented = &c.spec["paths"]["/v2/files/{file_id}/download"]["get"]["responses"]["302"];
    assert!(
        documented["headers"]["Location"].is_object(),
        "{documented}"
    );
    assert!(answer.headers().contains_key("location"));
    c.checked += 1;
    c.call(
        env,
        "GET",
        "/v2/files/missing/download",
        "/v2/files/{file_id}/download",
        None,
    )
    .await;

    c.call(
        env,
        "DELETE",
        &format!("/v2/files/{folder_id}"),
        "/v2/files/{file_id}",
        None,
    )
    .await;
    c.call(
        env,
        "DELETE",
        &format!("/v2/files/{file_id}"),
        "/v2/files/{file_id}",
        None,
    )
    .await;
}
