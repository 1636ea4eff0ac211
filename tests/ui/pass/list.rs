// The "What a user gets", and every generated method of #[attio_list].
use attio::prelude::*;
use futures::TryStreamExt as _;

#[attio::attio_object(slug = "companies")]
struct Company {
    name: String,
    domains: Vec<attio::Domain>,
}

#[derive(Debug, Clone, Copy, PartialEq, attio::SelectEnum)]
#[attio(status)]
enum Stage {
    Lead,
    #[attio(rename = "In Progress")]
    InProgress,
    #[attio(rename = "Won 🎉")]
    Won,
    Lost,
}

#[attio::attio_list(slug = "sales_pipeline", parent = Company)]
struct SalesEntry {
    stage: Stage,
    owner: Option<attio::ActorReference>,
    deal_value: Option<attio::Currency>,
    #[attio(rename = "parent")]
    parent_attribute: Option<String>,
    tags: Vec<attio::SelectOption>,
}

async fn run(client: attio::Client, acme_id: attio::RecordId) -> attio::Result<()> {
    let entry = SalesEntry { stage: Stage::Lead, owner: None, deal_value: None, parent_attribute: None, tags: vec![] }
        .add(&client, &attio::Ref::<Company>::new(acme_id.clone()))
        .await?;
    SalesEntry::changes().set_stage(Stage::Won).apply(&client, &entry.id.entry_id).await?;
    let open = SalesEntry::query()
        .filter(|f| f.stage().is_in([Stage::Lead, Stage::InProgress]) & f.parent().name().contains("Acme"))
        .stream(&client);
    let _: Vec<attio::Entry<SalesEntry>> = open.try_collect().await?;

    let id = &entry.id.entry_id;
    let _: attio::Entry<SalesEntry> = entry.values.update(&client, id).await?;
    let _: attio::Entry<SalesEntry> = entry.values.overwrite(&client, id).await?;
    let _: attio::Entry<SalesEntry> = entry.values.assert_by_parent(&client, &Company::get(&client, &acme_id).await?).await?;
    let _: attio::Entry<SalesEntry> = SalesEntry::get(&client, id).await?;
    let _: Vec<attio::WithMeta<Stage>> = SalesEntry::history(&client, id, |f| f.stage()).await?;
    let _: Vec<attio::Entry<SalesEntry>> = SalesEntry::entries_of(&client, &attio::Ref::<Company>::new(acme_id.clone())).await?;
    let _: Vec<attio::RecordEntry> = Company::entries(&client, &acme_id).await?;
    let _: attio::List = SalesEntry::list_info(&client).await?;
    let _: attio::List = SalesEntry::create_list(&client, "Sales pipeline").await?;
    SalesEntry::delete(&client, id).await?;

    // Parent conditions on either side, sorts through the parent, parent domains.
    let _ = SalesEntry::query()
        .filter(|f| f.parent().name().eq("Acme") | f.stage().eq(Stage::Lost))
        .filter(|f| f.parent().domains().root_domain().eq("acme.com"))
        .sort(|f| f.parent().name().asc())
        .sort(|f| f.deal_value().desc())
        .first(&client)
        .await?;
    Ok(())
}

fn main() {
    let _ = run;
}
