WITH "t13" AS (
  SELECT
    EXTRACT(year FROM "t12"."deal_date") AS "year",
    "t12"."amount_kind" AS "kind_",
    "t12"."amount_qualifier",
    "t12"."fx_value" AS "value",
    "t12"."fx_low" AS "low",
    "t12"."fx_high" AS "high",
    COUNT(*) AS "n_"
  FROM (
    SELECT
      "t11"."deal_id",
      "t11"."load_id",
      "t11"."row_ref",
      "t11"."source_format",
      "t11"."company_id",
      "t11"."company_name",
      "t11"."deal_date",
      "t11"."date_raw",
      "t11"."round_raw",
      "t11"."round",
      "t11"."amount_raw",
      "t11"."amount_kind",
      "t11"."amount_value",
      "t11"."amount_low",
      "t11"."amount_high",
      "t11"."amount_qualifier",
      "t11"."currency",
      "t11"."disclosed",
      "t11"."amount_note",
      "t11"."place_raw",
      "t11"."country",
      "t11"."region",
      "t11"."province",
      "t11"."city",
      "t11"."district",
      "t11"."cluster",
      "t11"."sector_raw",
      "t11"."subsector_raw",
      "t11"."sector",
      "t11"."chain_layer",
      "t11"."investors",
      "t11"."flags",
      "t11"."company_key",
      "t11"."fx_currency",
      "t11"."fx_day",
      CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_rate",
      "t11"."fx_fixed_on",
      "t11"."amount_value" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_value",
      "t11"."amount_low" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_low",
      "t11"."amount_high" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_high"
    FROM (
      SELECT
        "t6"."deal_id",
        "t6"."load_id",
        "t6"."row_ref",
        "t6"."source_format",
        "t6"."company_id",
        "t6"."company_name",
        "t6"."deal_date",
        "t6"."date_raw",
        "t6"."round_raw",
        "t6"."round",
        "t6"."amount_raw",
        "t6"."amount_kind",
        "t6"."amount_value",
        "t6"."amount_low",
        "t6"."amount_high",
        "t6"."amount_qualifier",
        "t6"."currency",
        "t6"."disclosed",
        "t6"."amount_note",
        "t6"."place_raw",
        "t6"."country",
        "t6"."region",
        "t6"."province",
        "t6"."city",
        "t6"."district",
        "t6"."cluster",
        "t6"."sector_raw",
        "t6"."subsector_raw",
        "t6"."sector",
        "t6"."chain_layer",
        "t6"."investors",
        "t6"."flags",
        "t6"."company_key",
        "t10"."fx_currency",
        "t10"."fx_day",
        "t10"."fx_rate",
        "t10"."fx_fixed_on"
      FROM (
        SELECT
          *
        FROM "deals" AS "t0"
        WHERE
          NOT (
            COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
          )
      ) AS "t6"
      LEFT OUTER JOIN (
        SELECT
          "t8"."currency" AS "fx_currency",
          "t8"."day" AS "fx_day",
          CAST("t3"."q_per_eur" * "t8"."eur_per" AS DECIMAL(38, 12)) AS "fx_rate",
          LEAST("t8"."fixed_on", "t3"."q_fixed") AS "fx_fixed_on"
        FROM (
          SELECT
            *
          FROM "fx_rates" AS "t1"
          WHERE
            "t1"."currency" IN (
              SELECT DISTINCT
                "t0"."currency"
              FROM "deals" AS "t0"
              WHERE
                NOT (
                  COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
                )
                AND "t0"."currency" <> 'EUR'
            )
        ) AS "t8"
        INNER JOIN (
          SELECT
            "t1"."day" AS "q_day",
            "t1"."per_eur" AS "q_per_eur",
            "t1"."fixed_on" AS "q_fixed"
          FROM "fx_rates" AS "t1"
          WHERE
            "t1"."currency" = 'EUR'
        ) AS "t3"
          ON "t8"."day" = "t3"."q_day"
      ) AS "t10"
        ON "t6"."currency" = "t10"."fx_currency" AND "t6"."deal_date" = "t10"."fx_day"
    ) AS "t11"
  ) AS "t12"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t26"."year",
      "t26"."measure",
      SUM("t26"."n_") AS "n",
      SUM("t26"."x" * "t26"."n_") AS "total",
      MIN("t26"."x") FILTER(WHERE
        (
          "t26"."before" * 2
        ) >= "t26"."all_") AS "lower",
      MIN("t26"."x") FILTER(WHERE
        (
          "t26"."before" * 2
        ) > "t26"."all_") AS "upper"
    FROM (
      SELECT
        "t25"."year",
        "t25"."measure",
        "t25"."x",
        "t25"."n_",
        SUM("t25"."n_") OVER (
          PARTITION BY "t25"."year", "t25"."measure"
          ORDER BY "t25"."x" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS "before",
        SUM("t25"."n_") OVER (
          PARTITION BY "t25"."year", "t25"."measure"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "all_"
      FROM (
        SELECT
          "t24"."year",
          "t24"."measure",
          "t24"."x",
          SUM("t24"."n_") AS "n_"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t14"."year",
                  'exact' AS "measure",
                  CAST(CASE
                    WHEN "t14"."amount_qualifier" = 'exact'
                    THEN "t14"."value"
                    ELSE CAST(NULL AS DECIMAL(38, 12))
                  END AS DECIMAL(38, 18)) AS "x",
                  "t14"."n_"
                FROM "t13" AS "t14"
              ) AS "t19"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t14"."year",
                  'low' AS "measure",
                  CAST(CASE WHEN "t14"."low" IS NOT NULL THEN "t14"."low" ELSE "t14"."value" END AS DECIMAL(38, 18)) AS "x",
                  "t14"."n_"
                FROM "t13" AS "t14"
              ) AS "t17"
            ) AS "t21"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t14"."year",
                  'high' AS "measure",
                  CAST(CASE WHEN "t14"."high" IS NOT NULL THEN "t14"."high" ELSE "t14"."value" END AS DECIMAL(38, 18)) AS "x",
                  "t14"."n_"
                FROM "t13" AS "t14"
              ) AS "t18"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t14"."year",
                  'mid' AS "measure",
                  CAST(CASE
                    WHEN (
                      "t14"."low" IS NOT NULL
                    ) AND (
                      "t14"."high" IS NOT NULL
                    )
                    THEN "t14"."low" + "t14"."high"
                    ELSE "t14"."value" + "t14"."value"
                  END AS DECIMAL(38, 18)) AS "x",
                  "t14"."n_"
                FROM "t13" AS "t14"
              ) AS "t20"
            ) AS "t22"
          ) AS "t23"
          WHERE
            "t23"."x" IS NOT NULL
        ) AS "t24"
        GROUP BY
          1,
          2,
          3
      ) AS "t25"
    ) AS "t26"
    GROUP BY
      1,
      2
  ) AS "t27"
) AS "t28"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t15"."year",
    "t15"."measure",
    "t15"."n",
    CAST(NULL AS DECIMAL(38, 18)) AS "total",
    CAST(NULL AS DECIMAL(38, 18)) AS "lower",
    CAST(NULL AS DECIMAL(38, 18)) AS "upper"
  FROM (
    SELECT
      "t14"."year",
      'kind:' || "t14"."kind_" AS "measure",
      SUM("t14"."n_") AS "n"
    FROM "t13" AS "t14"
    GROUP BY
      1,
      2
  ) AS "t15"
) AS "t16"
