//! The typed schema API end to end against the sandbox: objects, attributes of objects and
//! lists, options and statuses; created, read, renamed, archived and restored.

use attio::schema::{
    AttributeUpdate, ChoiceUpdate, NewAttribute, NewObject, NewStatus, ObjectUpdate, Target,
};
use attio::{AttributeType, ErrorCode, NewList};
use attio_sandbox::Sandbox;
use futures::TryStreamExt as _;

#[tokio::test]
async fn objects_are_listed_created_and_renamed() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();

    let objects = client.objects().await.unwrap();
    let slugs: Vec<_> = objects
        .iter()
        .filter_map(|o| o.api_slug.as_deref())
        .collect();
    for standard in ["people", "companies", "deals"] {
        assert!(slugs.contains(&standard), "{slugs:?}");
    }
    let people = client.get_object("people").await.unwrap();
    assert_eq!(people.singular_noun.as_deref(), Some("Person"));
    assert_eq!(people.id.workspace_id.as_str(), sandbox.workspace_id());
    // By id as well as by slug.
    let by_id = client
        .get_object(people.id.object_id.as_str())
        .await
        .unwrap();
    assert_eq!(by_id, people);

    let projects = client
        .create_object(&NewObject::new("projects", "Project", "Projects"))
        .await
        .unwrap();
    assert_eq!(projects.api_slug.as_deref(), Some("projects"));
    let err = client
        .create_object(&NewObject::new("projects", "Project", "Projects"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::SlugConflict), "{err}");

    let renamed = client
        .update_object("projects", &ObjectUpdate::new().singular_noun("Initiative"))
        .await
        .unwrap();
    assert_eq!(renamed.singular_noun.as_deref(), Some("Initiative"));
    assert_eq!(renamed.plural_noun.as_deref(), Some("Projects"));

    // Refused before sending, with what to write instead.
    let err = client
        .update_object("projects", &ObjectUpdate::new())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("changes nothing"), "{err}");
    let err = client.get_object("no such").await.unwrap_err();
    assert!(
        err.to_string().contains("cannot be named in a path"),
        "{err}"
    );
    let err = client.get_object("nope").await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
}

#[tokio::test]
async fn attributes_are_created_read_archived_and_restored() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let companies = Target::object("companies");

    let before = client
        .attributes(companies.clone())
        .collect_all()
        .await
        .unwrap();
    let name = before.iter().find(|a| a.api_slug == "name").unwrap();
    assert_eq!(name.attribute_type, AttributeType::Text);
    assert!(name.is_system_attribute);

    let tier = client
        .create_attribute(
            &companies,
            &NewAttribute::new("tier", "Tier", AttributeType::Select).description("Account tier"),
        )
        .await
        .unwrap();
    assert_eq!(tier.api_slug, "tier");
    assert_eq!(tier.description.as_deref(), Some("Account tier"));
    assert!(!tier.is_multiselect && !tier.is_archived);

    let account = client
        .create_attribute(
            &Target::object("people"),
            &NewAttribute::new("account", "Account", AttributeType::RecordReference)
                .allowed_objects(["companies"]),
        )
        .await
        .unwrap();
    let allowed = account.config.record_reference.unwrap().allowed_object_ids;
    let companies_id = client.get_object("companies").await.unwrap().id.object_id;
    assert_eq!(allowed, Some(vec![companies_id.as_str().to_owned()]));

    let value = client
        .create_attribute(
            &companies,
            &NewAttribute::new("arr", "ARR", AttributeType::Currency).currency("EUR", "code"),
        )
        .await
        .unwrap();
    let currency = value.config.currency.unwrap();
    assert_eq!(currency.default_currency_code.as_deref(), Some("EUR"));

    // The stream pages by itself and sees the new attributes at the end.
    let after: Vec<_> = client
        .attributes(companies.clone())
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(after.len(), before.len() + 2);
    assert_eq!(
        client.get_attribute(&companies, "tier").await.unwrap(),
        tier
    );

    let archived = client
        .update_attribute(&companies, "tier", &AttributeUpdate::new().archived(true))
        .await
        .unwrap();
    assert!(archived.is_archived);
    let live = client
        .attributes(companies.clone())
        .collect_all()
        .await
        .unwrap();
    assert!(live.iter().all(|a| a.api_slug != "tier"));
    let all = client
        .attributes(companies.clone())
        .with_archived()
        .collect_all()
        .await
        .unwrap();
    assert!(all.iter().any(|a| a.api_slug == "tier" && a.is_archived));
    let restored = client
        .update_attribute(
            &companies,
            "tier",
            &AttributeUpdate::new().archived(false).title("Account tier"),
        )
        .await
        .unwrap();
    assert!(!restored.is_archived);
    assert_eq!(restored.title, "Account tier");

    let err = client
        .create_attribute(
            &companies,
            &NewAttribute::new("tier", "Tier", AttributeType::Text),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::SlugConflict), "{err}");
    let err = client
        .create_attribute(
            &companies,
            &NewAttribute::new("stage", "Stage", AttributeType::Status),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("only be created on lists"),
        "{err}"
    );
    let err = client.get_attribute(&companies, "nope").await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
}

#[tokio::test]
async fn options_and_statuses_are_created_renamed_archived_and_restored() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    let companies = Target::object("companies");
    client
        .create_attribute(
            &companies,
            &NewAttribute::new("tier", "Tier", AttributeType::Select),
        )
        .await
        .unwrap();
    let gold = client
        .create_option(&companies, "tier", "Gold")
        .await
        .unwrap();
    client
        .create_option(&companies, "tier", "Silver")
        .await
        .unwrap();
    assert_eq!(gold.title, "Gold");
    let titles = |options: Vec<attio::schema::AttributeOption>| {
        options.into_iter().map(|o| o.title).collect::<Vec<_>>()
    };
    assert_eq!(
        titles(client.options(&companies, "tier", false).await.unwrap()),
        ["Gold", "Silver"]
    );
    // By title, then by id.
    client
        .update_option(
            &companies,
            "tier",
            "Gold",
            &ChoiceUpdate::new().archived(true),
        )
        .await
        .unwrap();
    assert_eq!(
        titles(client.options(&companies, "tier", false).await.unwrap()),
        ["Silver"]
    );
    assert_eq!(
        client
            .options(&companies, "tier", true)
            .await
            .unwrap()
            .len(),
        2
    );
    let restored = client
        .update_option(
            &companies,
            "tier",
            &gold.id.option_id,
            &ChoiceUpdate::new().archived(false).title("Platinum"),
        )
        .await
        .unwrap();
    assert_eq!(restored.title, "Platinum");
    assert!(!restored.is_archived);
    let err = client
        .create_option(&companies, "tier", "Silver")
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::SlugConflict), "{err}");

    // Statuses live on lists.
    client
        .create_list(&NewList::new("Sales", "sales", "companies"))
        .await
        .unwrap();
    let sales = Target::list("sales");
    client
        .create_attribute(
            &sales,
            &NewAttribute::new("stage", "Stage", AttributeType::Status),
        )
        .await
        .unwrap();
    let won = client
        .create_status(&sales, "stage", &NewStatus::new("Won 🎉").celebration(true))
        .await
        .unwrap();
    assert!(won.celebration_enabled);
    client
        .create_status(
            &sales,
            "stage",
            &NewStatus::new("In Progress").target_time("P0Y0M1DT0H0M0S"),
        )
        .await
        .unwrap();
    let lost = client
        .update_status(
            &sales,
            "stage",
            "Won 🎉",
            &ChoiceUpdate::new().title("Won").celebration(false),
        )
        .await
        .unwrap();
    assert_eq!(lost.title, "Won");
    assert!(!lost.celebration_enabled);
    client
        .update_status(
            &sales,
            "stage",
            "In Progress",
            &ChoiceUpdate::new().archived(true),
        )
        .await
        .unwrap();
    let live: Vec<_> = client
        .statuses(&sales, "stage", false)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(live, ["Won"]);
    let all = client.statuses(&sales, "stage", true).await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1].target_time_in_status.as_deref(),
        Some("P0Y0M1DT0H0M0S")
    );
}

#[tokio::test]
async fn a_custom_object_is_deleted_with_all_its_records_and_a_system_object_is_not() {
    use serde_json::json;

    let sandbox = Sandbox::start().await.unwrap();
    let client = attio_tests::sandbox_client(&sandbox).build().unwrap();
    client
        .create_object(&NewObject::new("projects", "Project", "Projects"))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let created: serde_json::Value = client
            .request(attio::Method::Post, "/v2/objects/projects/records")
            .json(&json!({"data": {"values": {}}}))
            .send()
            .await
            .unwrap();
        ids.push(
            created["data"]["id"]["record_id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    // A list of projects, and a note on one of them: they go too.
    client
        .create_list(&NewList::new("Roadmap", "roadmap", "projects"))
        .await
        .unwrap();
    let project: attio::RecordId = ids[0].parse().unwrap();
    let note = client
        .create_note(
            &attio::RecordReference::new("projects", project),
            attio::notes::NewNote::plaintext("Kick-off", "Soon."),
        )
        .await
        .unwrap();

    client
        .delete_object_and_all_its_records("projects")
        .await
        .unwrap();
    let err = client.get_object("projects").await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
    let err = client.get_note(&note.id.note_id).await.unwrap_err();
    assert_eq!(
        err.status(),
        Some(404),
        "the records' notes went with them: {err}"
    );
    assert!(client.get_list("roadmap").await.is_err(), "its list too");
    // The slug is free again.
    client
        .create_object(&NewObject::new("projects", "Project", "Projects"))
        .await
        .unwrap();
    let left: serde_json::Value = client
        .request(attio::Method::Post, "/v2/objects/projects/records/query")
        .json(&json!({}))
        .read_only()
        .send()
        .await
        .unwrap();
    assert_eq!(left["data"], json!([]), "no record survived");

    for system in ["people", "companies"] {
        let err = client
            .delete_object_and_all_its_records(system)
            .await
            .unwrap_err();
        assert_eq!(
            err.code(),
            Some(&ErrorCode::SystemEditUnauthorized),
            "{system}: {err}"
        );
        client.get_object(system).await.unwrap();
    }
}
