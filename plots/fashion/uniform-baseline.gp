# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot uniform-baseline.gp` in this folder (reads uniform-baseline.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'uniform-baseline.png'
set title 'Uniform Baseline'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'uniform-baseline.dat' using 1:2 with lines linewidth 2 title 'Uniform [0, 1) (val. acc. 44.80%)'
