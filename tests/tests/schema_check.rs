//! Structs against a live workspace, end to end on the sandbox: check, plan and ensure, and a
//! workspace that drifts under a struct (renamed attribute, made multiselect, option added,
//! status archived).

use attio::prelude::*;
use attio::schema::{AttributeUpdate, ChoiceUpdate, Contract, NewAttribute, Problem, Target};
use attio::{AttributeType, Error, ObjectKind};
use attio_sandbox::Sandbox;

#[attio::attio_object(slug = "users")]
#[derive(Debug, Clone, PartialEq)]
struct User {
    #[attio(unique)]
    user_id: String,
    primary_email_address: attio::EmailAddress,
    person: Option<attio::RecordReference>,
    workspace: Option<attio::RecordReference>,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
enum Health {
    Green,
    Amber,
    Red,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
enum Label {
    Internal,
    Customer,
}

#[attio::attio_object(slug = "projects", singular = "Project", plural = "Projects")]
#[derive(Debug, Clone, PartialEq)]
struct Project {
    /// Project code
    #[attio(unique)]
    code: String,
    #[attio(title = "Project health")]
    health: Option<Health>,
    labels: Vec<Label>,
    budget: Option<attio::Currency>,
    sponsor: Option<attio::Ref<Company>>,
}

#[attio::attio_object(slug = "companies")]
#[derive(Debug, Clone, PartialEq)]
struct Company {
    name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    Won,
}

#[attio::attio_list(slug = "project_pipeline", parent = Project)]
#[derive(Debug, Clone, PartialEq)]
struct PipelineEntry {
    stage: Stage,
    rank: Option<f64>,
}

async fn client(sandbox: &Sandbox) -> attio::Client {
    attio_tests::sandbox_client(sandbox).build().unwrap()
}

#[tokio::test]
async fn the_seed_struct_agrees_with_the_standard_users_object() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;
    let report = client.check_schema::<User>().await.unwrap();
    assert!(report.is_compatible(), "{report}");
    assert_eq!(report.to_string(), "`User` agrees with the object `users`");
    assert!(client.plan_schema::<User>().await.unwrap().is_empty());
}

#[tokio::test]
async fn ensure_creates_object_attributes_options_and_a_list_then_plans_nothing() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;
    let contracts = [Contract::of::<Project>(), Contract::of::<PipelineEntry>()];
    assert_eq!(
        Contract::of::<PipelineEntry>().kind,
        ObjectKind::List { parent: "projects" }
    );

    let report = client.check_schemas(&contracts).await.unwrap();
    assert!(!report.is_compatible());
    assert!(matches!(
        report.types[0].findings[0].problem,
        Problem::MissingTarget {
            kind: "object",
            creatable: true
        }
    ));

    let plan = client.plan_schemas(&contracts).await.unwrap();
    assert!(plan.is_possible(), "{plan}");
    let text = plan.to_string();
    for line in [
        "- create the object `projects` (Project / Projects)",
        "- create the list `project_pipeline` (\"Project pipeline\") over `projects`",
        "- create the attribute `code` of the object `projects` (text, unique, title \"Project code\") for `Project::code`",
        "- create the attribute `health` of the object `projects` (select, title \"Project health\") for `Project::health`",
        "- create the attribute `labels` of the object `projects` (select, multiselect, title \"labels\") for `Project::labels`",
        "- create the option \"Amber\" of `health` on the object `projects`",
        "- create the status \"In Progress\" of `stage` on the list `project_pipeline`",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    // Nothing was changed by planning.
    assert_eq!(
        client.get_object("projects").await.unwrap_err().status(),
        Some(404)
    );

    let applied = client.ensure_schemas(&contracts).await.unwrap();
    assert_eq!(applied.changes, plan.changes);
    let report = client.check_schemas(&contracts).await.unwrap();
    assert!(report.is_compatible(), "{report}");
    let again = client.plan_schemas(&contracts).await.unwrap();
    assert!(again.is_empty(), "{again}");
    assert!(
        client
            .ensure_schemas(&contracts)
            .await
            .unwrap()
            .changes
            .is_empty()
    );

    let sponsor = client
        .get_attribute(&Target::object("projects"), "sponsor")
        .await
        .unwrap();
    let companies = client.get_object("companies").await.unwrap();
    assert_eq!(
        sponsor.config.record_reference.unwrap().allowed_object_ids,
        Some(vec![companies.id.object_id.as_str().to_owned()])
    );

    // The created schema holds records: a project round-trips, and gets an entry.
    let project = Project {
        code: "P-1".into(),
        health: Some(Health::Amber),
        labels: vec![Label::Internal, Label::Customer],
        budget: None,
        sponsor: None,
    };
    let created = project.create(&client).await.unwrap();
    assert_eq!(created.values, project);
    let entry = PipelineEntry {
        stage: Stage::InProgress,
        rank: Some(1.0),
    }
    .add(&client, &created)
    .await
    .unwrap();
    assert_eq!(entry.values.stage, Stage::InProgress);
}

#[tokio::test]
async fn a_workspace_that_drifted_is_reported_field_by_field() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;
    let contracts = [Contract::of::<Project>(), Contract::of::<PipelineEntry>()];
    client.ensure_schemas(&contracts).await.unwrap();
    let projects = Target::object("projects");

    // Someone renames `code`, replaces `health` with a multiselect, adds a label, and archives
    // a stage.
    client
        .update_attribute(
            &projects,
            "code",
            &AttributeUpdate::new().api_slug("project_code"),
        )
        .await
        .unwrap();
    client
        .update_attribute(
            &projects,
            "health",
            &AttributeUpdate::new().api_slug("old_health").archived(true),
        )
        .await
        .unwrap();
    client
        .create_attribute(
            &projects,
            &NewAttribute::new("health", "Health", AttributeType::Select).multiselect(true),
        )
        .await
        .unwrap();
    for title in ["Green", "Amber", "Red"] {
        client
            .create_option(&projects, "health", title)
            .await
            .unwrap();
    }
    client
        .create_option(&projects, "labels", "Partner")
        .await
        .unwrap();
    client
        .update_status(
            &Target::list("project_pipeline"),
            "stage",
            "Won",
            &ChoiceUpdate::new().archived(true),
        )
        .await
        .unwrap();

    let report = client.check_schemas(&contracts).await.unwrap();
    let text = report.to_string();
    assert!(!report.is_compatible());
    let found: Vec<(&str, &Problem)> = report
        .findings()
        .map(|f| (f.field.unwrap_or("-"), &f.problem))
        .collect();
    assert!(
        matches!(found[0], ("code", Problem::MissingAttribute { nearest: Some(n) }) if n == "project_code"),
        "{text}"
    );
    assert!(
        matches!(found[1], ("health", Problem::Cardinality { live_multiselect: true, fits, .. }) if fits == "Vec<Health>"),
        "{text}"
    );
    assert!(
        matches!(found[2], ("labels", Problem::UncoveredChoices { titles }) if titles == &["Partner"]),
        "{text}"
    );
    assert!(
        matches!(found[3], ("stage", Problem::UnknownChoices { titles, status: true }) if titles == &["Won"]),
        "{text}"
    );
    assert_eq!(found.len(), 4, "{text}");
    for expected in [
        "`Project::code` (attribute `code`): no such attribute (the nearest is `project_code`); if the attribute is `project_code`, write #[attio(rename = \"project_code\")] on `code`",
        "`Project::health` (attribute `health`): the attribute is multiselect, but the field holds one value; declare `health` as `Vec<Health>`",
        "`Project::labels` (attribute `labels`): the attribute has \"Partner\" that the enum does not name and has no catch-all for",
        "`PipelineEntry::stage` (attribute `stage`): the enum names the status \"Won\" that the attribute does not have (or has archived)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    // Ensure restores the status, but refuses the rest (`code` too: creating it beside
    // `project_code` would fork its data), and then changes nothing at all.
    let plan = client.plan_schemas(&contracts).await.unwrap();
    assert!(!plan.is_possible());
    assert!(plan.changes.iter().any(|c| c.to_string()
        == "restore the archived status \"Won\" of `stage` on the list `project_pipeline`"));
    let err = client.ensure_schemas(&contracts).await.unwrap_err();
    assert_eq!(err.outcome(), attio::Outcome::NotSent);
    let message = err.to_string();
    assert!(
        message.contains("ensure_schema changed nothing"),
        "{message}"
    );
    assert!(message.contains("`Project::health`"), "{message}");
    assert!(
        message.contains("`Project::code` (attribute `code`): no such attribute, but `project_code` looks like the same attribute renamed (the same type and title)"),
        "{message}"
    );
    assert!(matches!(err, Error::Schema(_)));
    let statuses = client
        .statuses(&Target::list("project_pipeline"), "stage", false)
        .await
        .unwrap();
    assert!(statuses.iter().all(|s| s.title != "Won"));
}

/// A lead, as first written.
#[attio::attio_object(slug = "leads", singular = "Lead", plural = "Leads")]
struct Lead {
    /// Lead source
    lead_source: Option<String>,
}

/// The same lead after `lead_source` was renamed `source` in Attio.
#[attio::attio_object(slug = "leads", singular = "Lead", plural = "Leads")]
struct RenamedLead {
    /// Lead source
    #[attio(rename = "source")]
    lead_source: Option<String>,
}

/// And with a new field, which nothing in the workspace looks like.
#[attio::attio_object(slug = "leads", singular = "Lead", plural = "Leads")]
struct LeadWithBudget {
    /// Lead source
    #[attio(rename = "source")]
    lead_source: Option<String>,
    budget: Option<f64>,
}

#[tokio::test]
async fn ensure_never_forks_a_renamed_attribute() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;
    let leads = Target::object("leads");
    client.ensure_schema::<Lead>().await.unwrap();
    client
        .update_attribute(
            &leads,
            "lead_source",
            &AttributeUpdate::new().api_slug("source"),
        )
        .await
        .unwrap();
    let slugs = |attributes: Vec<attio::schema::Attribute>| -> Vec<String> {
        attributes.into_iter().map(|a| a.api_slug).collect()
    };
    let before = slugs(
        client
            .attributes(leads.clone())
            .with_archived()
            .collect_all()
            .await
            .unwrap(),
    );

    // The struct still says `lead_source`: creating it would send new values to an empty
    // attribute and leave the old ones in `source`. Refused, with both fixes.
    let plan = client.plan_schema::<Lead>().await.unwrap();
    assert!(plan.changes.is_empty(), "{plan}");
    assert!(
        matches!(
            plan.refused.findings().map(|f| &f.problem).collect::<Vec<_>>()[..],
            [Problem::RenamedAttribute { live, same_title: true }] if live == "source"
        ),
        "{plan}"
    );
    let err = client.ensure_schema::<Lead>().await.unwrap_err();
    assert!(matches!(err, Error::Schema(_)), "{err:?}");
    let message = err.to_string();
    eprintln!("{message}");
    for expected in [
        "`Lead::lead_source` (attribute `lead_source`): no such attribute, but `source` looks like the same attribute renamed (the same type and title)",
        "if `source` is the attribute `lead_source` means, write #[attio(rename = \"source\")] on `lead_source`",
        "if it was renamed by mistake, rename it back to `lead_source` in Attio's settings",
        "`ensure_schema` does not create `lead_source` beside it",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in\n{message}"
        );
    }
    let after = slugs(
        client
            .attributes(leads.clone())
            .with_archived()
            .collect_all()
            .await
            .unwrap(),
    );
    assert_eq!(after, before, "nothing is created");
    assert!(!after.iter().any(|s| s == "lead_source"), "{after:?}");

    // With the rename, the struct agrees: nothing to do.
    let plan = client.ensure_schema::<RenamedLead>().await.unwrap();
    assert!(plan.is_empty(), "{plan}");

    // A missing attribute that nothing looks like is still created.
    let plan = client.ensure_schema::<LeadWithBudget>().await.unwrap();
    assert!(
        matches!(&plan.changes[..], [attio::schema::Change::CreateAttribute { attribute, .. }] if attribute.api_slug == "budget"),
        "{plan}"
    );
    assert!(
        client
            .plan_schema::<LeadWithBudget>()
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn what_ensure_cannot_create_is_refused_with_the_field_named() {
    #[attio::attio_object(slug = "tickets")]
    struct Ticket {
        title: String,
    }
    #[attio::attio_object(slug = "companies")]
    struct BadCompany {
        /// Account owner
        account: Option<attio::RecordReference>,
        stage: Option<attio::Status>,
        name: Vec<String>,
    }
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox).await;

    let err = client.ensure_schema::<Ticket>().await.unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("the object `tickets`: the object does not exist; check the slug in Attio's settings; to let `ensure_schema` create the object, give the struct its nouns: #[attio_object(slug = \"tickets\", singular = \"...\", plural = \"...\")]"),
        "{message}"
    );

    let plan = client.plan_schema::<BadCompany>().await.unwrap();
    let text = plan.refused.to_string();
    assert!(text.contains("`BadCompany::account` (attribute `account`): it is missing and cannot be created; an untyped `attio::RecordReference` does not say which object it references: declare `account` as attio::Ref<T>"), "{text}");
    assert!(text.contains("`BadCompany::stage` (attribute `stage`): it is missing and cannot be created; status attributes exist only on lists"), "{text}");
    assert!(text.contains("`BadCompany::name` (attribute `name`): the attribute holds one value, but the field is a `Vec` (multiselect); declare `name` as `Option<String>`"), "{text}");
    assert!(plan.changes.is_empty());
}

#[tokio::test]
async fn errors_that_name_an_attribute_by_id_say_its_slug_and_field() {
    // A struct that cannot create a user: Attio requires `primary_email_address`.
    #[attio::attio_object(slug = "users")]
    #[derive(Debug)]
    struct BareUser {
        user_id: String,
    }
    let sandbox = Sandbox::start().await.unwrap();
    let bare = || BareUser {
        user_id: "u-1".into(),
    };

    // Without the schema, the id is all there is.
    let plain = client(&sandbox).await;
    let err = bare().create(&plain).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err}")
    };
    assert!(
        api.message.contains("Required value for attribute with ID"),
        "{err}"
    );
    assert!(api.named_attributes().is_empty());

    // After a check of the full struct, the error names the slug and the field.
    let checked = client(&sandbox).await;
    assert!(
        checked
            .check_schema::<User>()
            .await
            .unwrap()
            .is_compatible()
    );
    let err = bare().create(&checked).await.unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("is `primary_email_address`, the field `User::primary_email_address`]"),
        "{message}"
    );

    // With the schema cache on, the client reads the attributes when it meets the id.
    let cached = attio_tests::sandbox_client(&sandbox)
        .schema_cache(true)
        .build()
        .unwrap();
    let err = bare().create(&cached).await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err}")
    };
    assert_eq!(api.named_attributes()[0].slug, "primary_email_address");
    assert_eq!(api.named_attributes()[0].field, None);
    assert!(
        err.to_string().contains("is `primary_email_address`]"),
        "{err}"
    );
}
