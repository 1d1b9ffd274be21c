# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot zeros-vs-ones.gp` in this folder (reads zeros-vs-ones.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'zeros-vs-ones.png'
set title 'All Zeros vs All Ones'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'zeros-vs-ones.dat' using 1:2 with lines linewidth 2 title 'All Zeros (val. acc. 9.54%)', \
     '' using 1:3 with lines linewidth 2 title 'All Ones (val. acc. 9.54%)'
