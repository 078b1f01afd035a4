SELECT
  "t3"."year",
  SUM("t3"."n") AS "deals",
  SUM(CASE WHEN "t3"."k_disclosed" THEN "t3"."n" ELSE 0 END) AS "disclosed",
  SUM(CASE WHEN "t3"."k_kind" = 'undisclosed' THEN "t3"."n" ELSE 0 END) AS "undisclosed",
  SUM(CASE WHEN "t3"."k_kind" = 'unparsed' THEN "t3"."n" ELSE 0 END) AS "unparsed",
  SUM("t3"."value") FILTER(WHERE
    "t3"."k_exact") AS "amount_exact",
  SUM(CASE WHEN "t3"."k_exact" THEN "t3"."n_value" ELSE 0 END) AS "n_exact",
  SUM(CASE WHEN "t3"."k_low" THEN "t3"."low" ELSE "t3"."value" END) AS "amount_low",
  SUM(CASE WHEN "t3"."k_low" THEN "t3"."n" ELSE "t3"."n_value" END) AS "n_low",
  SUM(CASE WHEN "t3"."k_high" THEN "t3"."high" ELSE "t3"."value" END) AS "amount_high",
  SUM(CASE WHEN "t3"."k_high" THEN "t3"."n" ELSE "t3"."n_value" END) AS "n_high",
  SUM(
    CASE
      WHEN "t3"."k_low" AND "t3"."k_high"
      THEN "t3"."low" + "t3"."high"
      ELSE "t3"."value" + "t3"."value"
    END
  ) AS "amount_mid__x2",
  SUM(CASE WHEN "t3"."k_low" AND "t3"."k_high" THEN "t3"."n" ELSE "t3"."n_value" END) AS "n_mid"
FROM (
  SELECT
    "t2"."year",
    "t2"."k_kind",
    "t2"."k_disclosed",
    "t2"."k_exact",
    "t2"."k_low" AND TRUE AS "k_low",
    "t2"."k_high" AND TRUE AS "k_high",
    "t2"."n",
    "t2"."value",
    "t2"."low",
    "t2"."high",
    "t2"."n_value",
    "t2"."n_low",
    "t2"."n_high",
    CAST(NULL AS DATE) AS "fx_day",
    TRUE AS "fx_known"
  FROM (
    SELECT
      EXTRACT(year FROM "t1"."deal_date") AS "year",
      "t1"."amount_kind" AS "k_kind",
      "t1"."disclosed" AS "k_disclosed",
      COALESCE("t1"."amount_qualifier" = 'exact', FALSE) AS "k_exact",
      "t1"."amount_low" IS NOT NULL AS "k_low",
      "t1"."amount_high" IS NOT NULL AS "k_high",
      COUNT(*) AS "n",
      SUM("t1"."amount_value") AS "value",
      SUM("t1"."amount_low") AS "low",
      SUM("t1"."amount_high") AS "high",
      COUNT("t1"."amount_value") AS "n_value",
      COUNT("t1"."amount_low") AS "n_low",
      COUNT("t1"."amount_high") AS "n_high"
    FROM (
      SELECT
        *
      FROM "deals" AS "t0"
      WHERE
        NOT (
          COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
        )
    ) AS "t1"
    GROUP BY
      1,
      2,
      3,
      4,
      5,
      6
  ) AS "t2"
) AS "t3"
GROUP BY
  1
