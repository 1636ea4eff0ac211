//! Every documented Attio example value (tests/fixtures/examples/*.json, copied from Attio's docs
//! and OpenAPI spec) decodes into its Rust type, and what each type encodes is one of the
//! documented write forms.

use std::fs;
use std::path::PathBuf;

use attio::values::ValueObject;
use attio::{
    ActorReference, AttioValue, AttributeType, CountryCode, Currency, Date, Domain, EmailAddress,
    Interaction, InteractionType, Location, PersonalName, PhoneNumber, Rating, RecordReference,
    SelectOption, Status, Timestamp, WithMeta, WritableValue,
};
use serde::de::DeserializeSeed;
use serde_json::{Value, json};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/examples")
}

/// The example file for `attribute_type`.
fn example(attribute_type: &str) -> Value {
    let path = fixtures_dir().join(format!("{attribute_type}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["attribute_type"], attribute_type, "{}", path.display());
    v
}

/// Every `read_value*` of an example, with its key.
fn read_values(example: &Value) -> Vec<(String, Value)> {
    let out: Vec<_> = example
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| k.starts_with("read_value"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert!(!out.is_empty(), "no read_value in {example}");
    out
}

/// Decodes one value object, both from text (borrowing) and from a `serde_json::Value` (owning).
fn decode<T: AttioValue + PartialEq + std::fmt::Debug>(object: &Value) -> T {
    let text = object.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    let (from_text, active) = ValueObject::<T>::new()
        .deserialize(&mut de)
        .unwrap_or_else(|e| panic!("{} does not decode: {e}\n{object:#}", T::ATTRIBUTE_TYPE));
    assert_eq!(active, object["active_until"].is_null());
    let (from_value, _) = ValueObject::<T>::new()
        .deserialize(object.clone())
        .unwrap_or_else(|e| panic!("{} does not decode: {e}", T::ATTRIBUTE_TYPE));
    assert_eq!(from_text, from_value);
    from_text
}

/// Decodes every read value of the example as `T` and as `WithMeta<T>`, checking the metadata.
fn decode_all<T: AttioValue + PartialEq + std::fmt::Debug>(example: &Value) -> Vec<T> {
    read_values(example)
        .into_iter()
        .map(|(key, object)| {
            let value: T = decode(&object);
            let with: WithMeta<T> = decode(&object);
            assert_eq!(with.value, value, "{key}");
            let active_from: Timestamp = object["active_from"].as_str().unwrap().parse().unwrap();
            assert_eq!(with.meta.active_from, Some(active_from), "{key}");
            assert_eq!(with.meta.active_until, None, "{key}");
            let actor: attio::Actor =
                serde_json::from_value(object["created_by_actor"].clone()).unwrap();
            assert_eq!(with.meta.created_by_actor.as_ref(), Some(&actor), "{key}");
            assert_eq!(
                with.meta.attribute_type.as_ref().map(AttributeType::as_str),
                object["attribute_type"].as_str(),
                "{key}"
            );
            // Decoding never depends on the attribute_type label matching.
            let mut relabelled = object.clone();
            relabelled["attribute_type"] = json!("text");
            assert_eq!(decode::<T>(&relabelled), value, "{key} relabelled");
            value
        })
        .collect()
}

/// Every documented write form of the example: each form's value, and each element of an array.
fn write_forms(example: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for form in example["write_forms"].as_array().unwrap() {
        for (_, v) in form["values"].as_object().unwrap() {
            if let Value::Array(items) = v {
                out.extend(items.iter().cloned());
            }
            out.push(v.clone());
        }
    }
    out
}

fn encode<T: WritableValue>(v: &T) -> Value {
    v.encode(serde_json::value::Serializer).unwrap()
}

/// Asserts that each value validates and encodes to one of the example's documented write forms.
fn assert_documented<T: WritableValue + std::fmt::Debug>(example: &Value, values: &[T]) {
    let forms = write_forms(example);
    for v in values {
        v.validate()
            .unwrap_or_else(|e| panic!("{v:?} does not validate: {e}"));
        let encoded = encode(v);
        assert!(
            forms.contains(&encoded),
            "{v:?} encodes to {encoded}, which is not a documented write form of {}: {forms:#?}",
            example["attribute_type"]
        );
    }
}

#[test]
fn every_example_file_is_covered() {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with("error.") && !n.starts_with("query."))
        .collect();
    names.sort();
    let expected: Vec<String> = AttributeType::ALL
        .iter()
        .map(|t| format!("{t}.json"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn text() {
    let ex = example("text");
    let [v] = decode_all::<String>(&ex).try_into().unwrap();
    assert_eq!(v, "A long time ago in a galaxy far, far away...");
    let documented = ex["write_forms"][0]["values"]["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_documented(&ex, &[documented]);
}

#[test]
fn number() {
    let ex = example("number");
    let [v] = decode_all::<f64>(&ex).try_into().unwrap();
    assert_eq!(v, 14.0);
    assert_eq!(decode_all::<f32>(&ex), [14.0]);
    assert_eq!(decode_all::<i64>(&ex), [14]);
    assert_eq!(decode_all::<i32>(&ex), [14]);
    assert_eq!(decode_all::<i16>(&ex), [14]);
    assert_eq!(decode_all::<i8>(&ex), [14]);
    assert_eq!(decode_all::<u64>(&ex), [14]);
    assert_eq!(decode_all::<u32>(&ex), [14]);
    assert_eq!(decode_all::<u16>(&ex), [14]);
    assert_eq!(decode_all::<u8>(&ex), [14]);
    let documented: f64 = "3.1415".parse().unwrap();
    assert_documented(&ex, &[documented]);
    assert_documented(&ex, &[WithMeta::new(documented)]);
}

#[test]
fn checkbox() {
    let ex = example("checkbox");
    assert_eq!(decode_all::<bool>(&ex), [true]);
    assert_documented(&ex, &[true]);
}

#[test]
fn currency() {
    let ex = example("currency");
    let values = decode_all::<Currency>(&ex);
    assert_eq!(
        values.len(),
        2,
        "docs (string) and OpenAPI (number) read forms"
    );
    for v in &values {
        assert_eq!(v.currency_code(), Some("USD"));
        assert_eq!(v.to_f64(), 499.0);
    }
    assert_eq!(values[0], values[1]);
    let docs = values
        .iter()
        .find(|v| v.decimal_places() == 2)
        .expect("the docs form keeps \"499.00\"");
    assert_eq!(docs.to_string(), "499.00");
    assert_documented(
        &ex,
        &[
            "4.99".parse::<Currency>().unwrap(),
            Currency::from_f64(4.99).unwrap(),
            Currency::new(499, 2).unwrap(),
        ],
    );
}

#[test]
fn date() {
    let ex = example("date");
    let [v] = decode_all::<Date>(&ex).try_into().unwrap();
    assert_eq!(v.to_string(), "2023-11-24");
    assert_documented(
        &ex,
        &[
            "2004-07-29".parse::<Date>().unwrap(),
            Date::new(2004, 7, 29).unwrap(),
        ],
    );
}

#[test]
fn timestamp() {
    let ex = example("timestamp");
    let [v] = decode_all::<Timestamp>(&ex).try_into().unwrap();
    assert_eq!(v.to_string(), "2023-11-24T15:17:48.000000000Z");
    assert_documented(&ex, &["2019-01-17T15:17:48Z".parse::<Timestamp>().unwrap()]);
}

#[test]
fn rating() {
    let ex = example("rating");
    let [v] = decode_all::<Rating>(&ex).try_into().unwrap();
    assert_eq!(v.get(), 3);
    assert_documented(&ex, &[Rating::new(4).unwrap()]);
}

#[test]
fn status() {
    let ex = example("status");
    let [v] = decode_all::<Status>(&ex).try_into().unwrap();
    assert_eq!(v.title(), Some("In Progress"));
    assert_eq!(v.status_id(), Some("11f07f01-c10f-4e05-a522-33e050bc52ee"));
    assert_eq!(v.is_archived(), Some(false));
    assert_eq!(v.celebration_enabled(), Some(false));
    assert_eq!(v.target_time_in_status(), None);
    // The 2025-05 spec's bare status-id read form.
    let mut bare = read_values(&ex)[0].1.clone();
    bare["status"] = json!("11f07f01-c10f-4e05-a522-33e050bc52ee");
    let b: Status = decode(&bare);
    assert!(b.matches(&v));
    assert_documented(
        &ex,
        &[
            v.clone(),
            b,
            Status::by_title("In Progress").unwrap(),
            Status::by_id("11f07f01-c10f-4e05-a522-33e050bc52ee").unwrap(),
        ],
    );
}

#[test]
fn select() {
    let ex = example("select");
    let [v] = decode_all::<SelectOption>(&ex).try_into().unwrap();
    assert_eq!(v.title(), Some("Aerospace & Defense"));
    assert_eq!(v.option_id(), Some("14938464-cae9-4e50-8856-0fb584844f24"));
    assert_eq!(
        v.id().and_then(|id| id.workspace_id.as_deref()),
        Some("4f9a01be-3792-4ab9-926f-ca7f9005700c")
    );
    assert_documented(
        &ex,
        &[
            v.clone(),
            SelectOption::by_title("3D Printing").unwrap(),
            SelectOption::by_id("14938464-cae9-4e50-8856-0fb584844f24").unwrap(),
        ],
    );
}

#[test]
fn record_reference() {
    let ex = example("record-reference");
    let [v] = decode_all::<RecordReference>(&ex).try_into().unwrap();
    assert_eq!(v.target_object(), "people");
    assert_eq!(
        v.target_record_id().as_str(),
        "891dcbfc-9141-415d-9b2a-2238a6cc012d"
    );
    assert_documented(
        &ex,
        &[RecordReference::new(
            "companies",
            "99a03ff3-0435-47da-95cc-76b2caeb4dab".parse().unwrap(),
        )],
    );
}

#[test]
fn actor_reference() {
    let ex = example("actor-reference");
    let [v] = decode_all::<ActorReference>(&ex).try_into().unwrap();
    assert_eq!(v.actor_type(), Some(&attio::ActorType::WorkspaceMember));
    assert_eq!(v.id(), Some("fbe75eb0-d704-4d12-9e41-aa187e60ed73"));
    assert_documented(
        &ex,
        &[
            ActorReference::workspace_member("50cf242c-7fa3-4cad-87d0-75b1af71c57b").unwrap(),
            ActorReference::workspace_member_by_email("alice@attio.com".parse().unwrap()),
        ],
    );
    let mut system = read_values(&ex)[0].1.clone();
    system["referenced_actor_type"] = json!("system");
    system["referenced_actor_id"] = Value::Null;
    let s: ActorReference = decode(&system);
    assert!(s.validate().is_err());
}

#[test]
fn location() {
    let ex = example("location");
    let [v] = decode_all::<Location>(&ex).try_into().unwrap();
    assert_eq!(v.line_1(), Some("1 Infinite Loop"));
    assert_eq!(v.country_code(), Some("US".parse::<CountryCode>().unwrap()));
    let built = Location::new()
        .with_line_1("1 Infinite Loop")
        .with_locality("Cupertino")
        .with_region("CA")
        .with_postcode("95014")
        .with_country_code("US".parse().unwrap())
        .with_coordinates("37.331741", "-122.030333")
        .unwrap();
    assert_eq!(built, v);
    assert_documented(&ex, &[v, built]);
}

#[test]
fn domain() {
    let ex = example("domain");
    let [v] = decode_all::<Domain>(&ex).try_into().unwrap();
    assert_eq!(
        (v.as_str(), v.root_domain()),
        ("app.attio.com", "attio.com")
    );
    assert_documented(
        &ex,
        &[
            v.clone(),
            "app.attio.com".parse::<Domain>().unwrap(),
            "attio.com".parse().unwrap(),
        ],
    );
}

#[test]
fn email_address() {
    let ex = example("email-address");
    let [v] = decode_all::<EmailAddress>(&ex).try_into().unwrap();
    assert_eq!(v.as_str(), "person@company.com");
    assert_eq!(v.local_part(), "person");
    assert_eq!(v.domain(), "company.com");
    assert_eq!(v.root_domain(), "company.com");
    let built: EmailAddress = "person@company.com".parse().unwrap();
    assert_eq!(built, v);
    assert_documented(&ex, &[v, built, "person2@company.com".parse().unwrap()]);
}

#[test]
fn phone_number() {
    let ex = example("phone-number");
    let values = decode_all::<PhoneNumber>(&ex);
    assert_eq!(values.len(), 2, "docs and OpenAPI read forms");
    assert_eq!(values[0], values[1]);
    for v in &values {
        assert_eq!(v.normalized(), Some("+15558675309"));
        assert_eq!(
            v.country_code().map(|c| c.to_string()).as_deref(),
            Some("US")
        );
    }
    assert_documented(
        &ex,
        &[
            "+447777777777".parse::<PhoneNumber>().unwrap(),
            PhoneNumber::national("07777777777", "GB".parse().unwrap()).unwrap(),
        ],
    );
}

#[test]
fn interaction() {
    let ex = example("interaction");
    assert!(ex["write_forms"].as_array().unwrap().is_empty());
    assert!(!AttributeType::Interaction.is_writable());
    let [v] = decode_all::<Interaction>(&ex).try_into().unwrap();
    assert_eq!(v.interaction_type(), &InteractionType::Email);
    assert_eq!(
        v.interacted_at().to_string(),
        "2023-11-25T15:21:06.447000000Z"
    );
    assert_eq!(
        v.owner_actor().id.as_deref(),
        Some("50cf242c-7fa3-4cad-87d0-75b1af71c57b")
    );
}

#[test]
fn personal_name() {
    let ex = example("personal-name");
    let [v] = decode_all::<PersonalName>(&ex).try_into().unwrap();
    assert_eq!(v.full_name(), "John Smith");
    let parsed: PersonalName = "Smith, John".parse().unwrap();
    assert_eq!(parsed, v);
    for (input, parts) in ex["string_parsing"].as_object().unwrap() {
        let n: PersonalName = input.parse().unwrap();
        assert_eq!(n.first_name(), parts["first_name"], "{input}");
        assert_eq!(n.last_name(), parts["last_name"], "{input}");
    }
    assert_documented(
        &ex,
        &[v, parsed, PersonalName::new("John", "Smith").unwrap()],
    );
}

/// The seed document's response values decode, including the workspace reference whose record id
/// is not a UUID.
#[test]
fn seed_response_values() {
    let (_, response) = attio_tests::seed();
    let response: Value = serde_json::from_str(&response).unwrap();
    let values = &response["data"]["values"];
    let [person] = &values["person"].as_array().unwrap()[..] else {
        panic!("one person value")
    };
    let person: WithMeta<RecordReference> = decode(person);
    assert_eq!(person.target_object(), "people");
    assert_eq!(
        person
            .meta
            .created_by_actor
            .as_ref()
            .and_then(|a| a.actor_type.clone()),
        Some(attio::ActorType::System)
    );
    let workspace: RecordReference = decode(&values["workspace"][0]);
    assert_eq!(
        workspace.target_record_id().as_str(),
        "72ef5feaf-4919-4208-b332-1339ab8ba040"
    );
    let email: EmailAddress = decode(&values["primary_email_address"][0]);
    assert_eq!(email.as_str(), "person@company.com");
    let user_id: String = decode(&values["user_id"][0]);
    assert_eq!(user_id, "123");
}
