//! The `attio` binary, run as a user runs it, against an in-process sandbox named by
//! `ATTIO_BASE_URL`.

use std::process::{Command, Output};

use attio_sandbox::Sandbox;

/// Runs `attio args…` with the environment `env` (and no inherited `ATTIO_*`), off the
/// runtime's threads so that the sandbox keeps serving.
async fn attio(args: &[&str], env: &[(&str, String)]) -> Output {
    let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_attio"))
            .args(&args)
            .env_remove("ATTIO_API_KEY")
            .env_remove("ATTIO_BASE_URL")
            .envs(env)
            .output()
            .expect("the attio binary runs")
    })
    .await
    .expect("the command's thread finishes")
}

fn sandbox_env(sandbox: &Sandbox) -> Vec<(&'static str, String)> {
    vec![
        ("ATTIO_API_KEY", sandbox.api_key().to_owned()),
        ("ATTIO_BASE_URL", sandbox.base_url()),
    ]
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_says_what_each_command_does() {
    let out = attio(&["--help"], &[]).await;
    assert!(out.status.success());
    let help = text(&out.stdout);
    for needle in [
        "generate",
        "schema",
        "ATTIO_API_KEY",
        "ATTIO_BASE_URL",
        "attio-sandbox",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
    let out = attio(&["generate", "--help"], &[]).await;
    let help = text(&out.stdout);
    for needle in [
        "--object <SLUG>",
        "--list <SLUG>",
        "--activity <SLUG>",
        "attio_activity",
        "--out <PATH>",
        "SelectEnum",
        "Option<T>",
    ] {
        assert!(help.contains(needle), "`{needle}` not in:\n{help}");
    }
    let out = attio(&["schema", "--help"], &[]).await;
    let help = text(&out.stdout);
    assert!(help.contains("<SLUG>") && help.contains("table"), "{help}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generate_needs_an_object_a_list_or_an_activity() {
    let out = attio(&["generate"], &[]).await;
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for flag in ["--object <SLUG>", "--list <SLUG>", "--activity <SLUG>"] {
        assert!(err.contains(flag), "{err}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_api_key_says_how_to_set_it() {
    for args in [
        &["schema", "people"][..],
        &["generate", "--object", "people"],
        &["generate", "--activity", "site_visits"],
    ] {
        let out = attio(args, &[]).await;
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let err = text(&out.stderr);
        assert!(err.starts_with("error: ATTIO_API_KEY is not set"), "{err}");
        assert!(err.contains("export ATTIO_API_KEY=<token>"), "{err}");
        assert!(err.contains("cargo run -p attio-sandbox"), "{err}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_prints_the_attributes_of_an_object_as_a_table() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let out = attio(&["schema", "people"], &sandbox_env(&sandbox)).await;
    let table = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let header = table.lines().nth(2).expect("a header line");
    for column in [
        "slug",
        "title",
        "type",
        "multiselect",
        "required",
        "unique",
        "writable",
        "archived",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let row = |slug: &str| {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{slug} ")))
            .unwrap_or_else(|| panic!("no row for {slug} in:\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("email_addresses"),
        [
            "email_addresses",
            "Email",
            "addresses",
            "email-address",
            "yes",
            "no",
            "yes",
            "yes",
            "no"
        ]
    );
    assert_eq!(row("company")[2], "record-reference");
    assert_eq!(row("company")[4], "companies");
    assert_eq!(
        row("last_email_interaction")[4..],
        ["interaction", "no", "no", "no", "no", "no"]
    );

    let out = attio(&["schema", "deals"], &sandbox_env(&sandbox)).await;
    let table = text(&out.stdout);
    assert!(
        table.contains("statuses of `stage`:\n  Lead\n  In Progress\n  Won 🎉\n  Lost\n"),
        "{table}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_slug_lists_the_slugs_that_exist() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let out = attio(&["schema", "peeple"], &sandbox_env(&sandbox)).await;
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    // "no object or list" while activities cannot be listed, "no object, list or activity" once
    // they can.
    assert!(
        err.starts_with("error: the workspace has no object")
            && err.contains("with the slug `peeple` (did you mean `people`?)"),
        "{err}"
    );
    assert!(
        err.contains("`people`, `companies`, `deals`, `users`, `workspaces`"),
        "{err}"
    );

    let out = attio(
        &["generate", "--object", "people", "--object", "compnies"],
        &sandbox_env(&sandbox),
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("no object with the slug `compnies` (did you mean `companies`?)"),
        "{err}"
    );
    assert!(err.contains("--object"), "{err}");

    let out = attio(&["generate", "--list", "pipeline"], &sandbox_env(&sandbox)).await;
    let err = text(&out.stderr);
    assert!(err.contains("no list with the slug `pipeline`"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_does_not_answer_is_named() {
    // A port nothing listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let env = [
        ("ATTIO_API_KEY", "test".to_owned()),
        ("ATTIO_BASE_URL", format!("http://127.0.0.1:{port}")),
    ];
    let out = attio(&["schema", "people"], &env).await;
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("listing the workspace's objects"), "{err}");
    assert!(
        err.contains(&format!("nothing answered at http://127.0.0.1:{port}")),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generate_prints_the_golden_code_or_writes_it_to_a_file() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let golden = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/generated/mod.rs"
    ))
    .expect("the golden file");
    let args = [
        "generate",
        "--object",
        "people",
        "--object",
        "companies",
        "--object",
        "deals",
    ];
    let out = attio(&args, &sandbox_env(&sandbox)).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), golden);
    let progress = text(&out.stderr);
    assert!(
        progress.contains("reading the object `people`"),
        "{progress}"
    );

    let path = std::env::temp_dir().join(format!("attio-generate-{}.rs", std::process::id()));
    let path_arg = path.display().to_string();
    let mut with_out = args.to_vec();
    with_out.extend(["--out", &path_arg]);
    let out = attio(&with_out, &sandbox_env(&sandbox)).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).expect("the file is written"),
        golden
    );
    let _ = std::fs::remove_file(&path);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_prints_a_list_too() {
    use attio::schema::{NewAttribute, Target};

    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = attio::Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.base_url())
        .build()
        .expect("a client");
    client
        .create_list(&attio::NewList::new("Hiring", "hiring", "people"))
        .await
        .expect("the list is created");
    let list = Target::list("hiring");
    let new = NewAttribute::new("round", "Round", attio::AttributeType::Select);
    client
        .create_attribute(&list, &new)
        .await
        .expect("the attribute is created");
    client
        .create_option(&list, "round", "Onsite")
        .await
        .expect("the option is created");

    let out = attio(&["schema", "hiring"], &sandbox_env(&sandbox)).await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let table = text(&out.stdout);
    assert!(table.starts_with("the list `hiring`: "), "{table}");
    assert!(
        table.lines().any(|l| l
            .split_whitespace()
            .take(3)
            .eq(["round", "Round", "select"])),
        "{table}"
    );
    assert!(
        table.ends_with("options of `round`:\n  Onsite\n"),
        "{table}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_out_path_that_cannot_be_written_says_so() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let out = attio(
        &[
            "generate",
            "--object",
            "deals",
            "--out",
            "/nonexistent-folder/types.rs",
        ],
        &sandbox_env(&sandbox),
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("error: cannot write to /nonexistent-folder/types.rs: ")
            && err.contains("check that its folder exists"),
        "{err}"
    );
}
