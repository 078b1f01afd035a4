SELECT
  EXTRACT(year FROM "t6"."founded") AS "founded_year",
  "t6"."sector",
  COUNT(*) AS "companies",
  COUNT(*) FILTER(WHERE
    "t6"."n_deals" > 0) AS "funded",
  SUM("t6"."n_deals") AS "deals",
  SUM("t6"."raised__lh") AS "amount_mid__lh",
  SUM("t6"."raised__pt") AS "amount_mid__pt"
FROM (
  SELECT
    "t2"."company_id",
    "t2"."load_id",
    "t2"."row_ref",
    "t2"."source_format",
    "t2"."name",
    "t2"."name_raw",
    "t2"."legal_name",
    "t2"."website",
    "t2"."founded",
    "t2"."founded_raw",
    "t2"."status",
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
    "t2"."description",
    "t2"."flags",
    "t5"."company_id" AS "company_id_right",
    "t5"."n_deals",
    "t5"."raised__lh",
    "t5"."raised__pt"
  FROM "companies" AS "t2"
  LEFT OUTER JOIN (
    SELECT
      "t3"."company_id",
      COUNT(*) AS "n_deals",
      SUM("t3"."cny_low" + "t3"."cny_high") FILTER(WHERE
        (
          "t3"."cny_low" IS NOT NULL
        ) AND (
          "t3"."cny_high" IS NOT NULL
        )) AS "raised__lh",
      SUM("t3"."cny_value") FILTER(WHERE
        NOT (
          (
            "t3"."cny_low" IS NOT NULL
          ) AND (
            "t3"."cny_high" IS NOT NULL
          )
        )) AS "raised__pt"
    FROM (
      SELECT
        *
      FROM "deals" AS "t1"
      WHERE
        "t1"."company_id" IS NOT NULL
    ) AS "t3"
    GROUP BY
      1
  ) AS "t5"
    ON "t2"."company_id" = "t5"."company_id"
) AS "t6"
GROUP BY
  1,
  2
