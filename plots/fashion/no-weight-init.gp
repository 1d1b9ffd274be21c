# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot no-weight-init.gp` in this folder (reads no-weight-init.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'no-weight-init.png'
set title 'No Weight Initialization'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'no-weight-init.dat' using 1:2 with lines linewidth 2 title 'PyTorch default (val. acc. 85.15%)', \
     '' using 1:3 with lines linewidth 2 title 'General Rule [-y, y) (val. acc. 85.60%)', \
     '' using 1:4 with lines linewidth 2 title 'Normal N(0, y) (val. acc. 85.12%)'
