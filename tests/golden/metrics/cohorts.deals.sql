SELECT
  "t5"."founded_year",
  "t5"."sector",
  COUNT(*) AS "deals",
  SUM("t5"."cny_low" + "t5"."cny_high") FILTER(WHERE
    (
      "t5"."cny_low" IS NOT NULL
    ) AND (
      "t5"."cny_high" IS NOT NULL
    )) AS "amount_mid__lh",
  SUM("t5"."cny_value") FILTER(WHERE
    NOT (
      (
        "t5"."cny_low" IS NOT NULL
      ) AND (
        "t5"."cny_high" IS NOT NULL
      )
    )) AS "amount_mid__pt"
FROM (
  SELECT
    "t2"."deal_id",
    "t2"."load_id",
    "t2"."row_ref",
    "t2"."source_format",
    "t2"."company_id",
    "t2"."company_name",
    "t2"."deal_date",
    "t2"."date_raw",
    "t2"."round_raw",
    "t2"."round",
    "t2"."amount_raw",
    "t2"."amount_kind",
    "t2"."amount_value",
    "t2"."amount_low",
    "t2"."amount_high",
    "t2"."amount_qualifier",
    "t2"."currency",
    "t2"."disclosed",
    "t2"."amount_note",
    "t2"."cny_value",
    "t2"."cny_low",
    "t2"."cny_high",
    "t2"."usd_value",
    "t2"."usd_low",
    "t2"."usd_high",
    "t2"."krw_value",
    "t2"."krw_low",
    "t2"."krw_high",
    "t2"."cny_rate",
    "t2"."usd_rate",
    "t2"."krw_rate",
    "t2"."fx_rate_date",
    "t2"."fx_note",
    "t2"."place_raw",
    "t2"."country",
    "t2"."region",
    "t2"."province",
    "t2"."city",
    "t2"."district",
    "t2"."cluster",
    "t2"."sector_raw",
    "t2"."subsector_raw",
    "t2"."sector",
    "t2"."chain_layer",
    "t2"."investors",
    "t2"."flags",
    "t4"."founded_year",
    "t4"."sector" AS "sector_right"
  FROM "deals" AS "t2"
  INNER JOIN (
    SELECT
      "t1"."company_id",
      EXTRACT(year FROM "t1"."founded") AS "founded_year",
      "t1"."sector"
    FROM "companies" AS "t1"
  ) AS "t4"
    ON "t2"."company_id" = "t4"."company_id"
) AS "t5"
GROUP BY
  1,
  2
