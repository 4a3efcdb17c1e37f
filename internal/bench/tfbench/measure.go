package tfbench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/almsync/terraform-provider-almsync/internal/bench/rsslog"
)

// measureSize measures every kind at n resources: a working directory per
// kind with its n objects created (not timed), then the rounds of
// steady-state plans, then terraform validate, then a final destroy.
func (b *bench) measureSize(ctx context.Context, n int) (sizeResult, error) {
	res := sizeResult{n: n}
	b.tf.rssLog = filepath.Join(b.tmp, fmt.Sprintf("rss-%d.log", n))
	var dirs [numKinds]string
	for _, k := range allKinds {
		dir, err := b.prepare(ctx, k, n)
		if err != nil {
			return res, fmt.Errorf("%s: %w", k, err)
		}
		dirs[k] = dir
	}

	for r := range b.opts.Rounds {
		for _, k := range roundOrder(r) {
			s, err := b.round(ctx, dirs[k])
			if err != nil {
				return res, fmt.Errorf("%s, round %d: %w", k, r+1, err)
			}
			res.samples[k] = append(res.samples[k], s)
			b.progressf("N=%d round %d/%d %-14s plan %7.0f ms  plan -refresh=false %7.0f ms  refresh requests %d",
				n, r+1, b.opts.Rounds, k, ms(s.plan), ms(s.planNR), s.planReq.total)
		}
	}

	for _, k := range allKinds {
		before := b.sandbox.counts()
		if err := b.tf.validate(ctx, dirs[k]); err != nil {
			return res, fmt.Errorf("%s: %w", k, err)
		}
		res.validate[k] = b.sandbox.counts().sub(before)
	}
	for _, k := range allKinds {
		if err := b.teardown(ctx, k, n, dirs[k]); err != nil {
			return res, fmt.Errorf("%s: %w", k, err)
		}
	}

	records, err := rsslog.Read(b.tf.rssLog)
	if err != nil {
		return res, err
	}
	res.rss = aggregateRSS(records)
	return res, nil
}

// prepare creates the working directory of kind k at n resources and its
// n objects, none of it timed: terraform init and apply with the setup
// configuration (almsync unpaced, see renderConfig), then the
// configuration the plans measure, with the provider's defaults.
func (b *bench) prepare(ctx context.Context, k kind, n int) (string, error) {
	dir := filepath.Join(b.tmp, "work", fmt.Sprintf("%s-%d", k, n))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create working directory: %w", err)
	}
	if err := writeConfig(dir, k, n, b.sandbox.url, true); err != nil {
		return "", err
	}
	if err := b.tf.init(ctx, dir); err != nil {
		return "", err
	}
	apply, err := b.tf.apply(ctx, dir)
	if err != nil {
		return "", err
	}
	b.progressf("N=%d %-14s created (setup apply, not measured: %.0f ms)", n, k, ms(apply.wall))
	if err := writeConfig(dir, k, n, b.sandbox.url, false); err != nil {
		return "", err
	}
	return dir, nil
}

// round times two steady-state plans of the existing objects, one that
// refreshes them and one with -refresh=false, counting the sandbox
// requests of each. Both must be empty.
func (b *bench) round(ctx context.Context, dir string) (sample, error) {
	var s sample
	c0 := b.sandbox.counts()
	plan, err := b.tf.plan(ctx, dir, true)
	if err != nil {
		return s, err
	}
	c1 := b.sandbox.counts()
	planNR, err := b.tf.plan(ctx, dir, false)
	if err != nil {
		return s, err
	}
	c2 := b.sandbox.counts()
	s.plan, s.planCPU, s.planNR, s.planNRCPU = plan.wall, plan.cpu, planNR.wall, planNR.cpu
	s.planReq, s.planNRReq = c1.sub(c0), c2.sub(c1)
	return s, nil
}

// teardown destroys the resources with the setup configuration (not
// timed), checks that every almsync connector was deleted from the
// sandbox, and removes the directory.
func (b *bench) teardown(ctx context.Context, k kind, n int, dir string) error {
	if err := writeConfig(dir, k, n, b.sandbox.url, true); err != nil {
		return err
	}
	before := b.sandbox.counts()
	if err := b.tf.destroy(ctx, dir); err != nil {
		return err
	}
	if deleted := b.sandbox.counts().sub(before).deleteByID; k == kindAlmsync && deleted != int64(n) {
		return fmt.Errorf("terraform destroy deleted %d connectors in the sandbox, want %d", deleted, n)
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove working directory: %w", err)
	}
	return nil
}
