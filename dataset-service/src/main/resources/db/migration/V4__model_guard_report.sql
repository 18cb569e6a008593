-- What a model version reads on every guard in the rule, local and auto modes, recorded by the eval service: the
-- guard table of its model card.
alter table model_version add column guard_report jsonb;
